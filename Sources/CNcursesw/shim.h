#ifndef JOBWATCH_CNCURSESW_SHIM_H
#define JOBWATCH_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide-character API.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <ncursesw/curses.h>
#include <locale.h>
#include <wchar.h>

// Swift cannot import these macros / global mutable variables safely: small accessors.
static inline WINDOW *jw_stdscr(void) { return stdscr; }
static inline int jw_lines(void) { return LINES; }
static inline int jw_cols(void) { return COLS; }
static inline int jw_maxy(WINDOW *w) { return getmaxy(w); }
static inline int jw_maxx(WINDOW *w) { return getmaxx(w); }
static inline attr_t jw_a_normal(void) { return A_NORMAL; }
static inline attr_t jw_a_bold(void) { return A_BOLD; }
static inline attr_t jw_a_dim(void) { return A_DIM; }
static inline attr_t jw_a_reverse(void) { return A_REVERSE; }
static inline attr_t jw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t jw_color_pair(int n) { return COLOR_PAIR(n); }
static inline int jw_key_resize(void) { return KEY_RESIZE; }
static inline int jw_err(void) { return ERR; }
static inline int jw_ok(void) { return OK; }
static inline int jw_key_code_yes(void) { return KEY_CODE_YES; }

#endif
