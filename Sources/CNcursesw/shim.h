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

// --- Terminal front end (Sources/jobwatch/Terminal) ---------------------------------------
#include <langinfo.h>
#include <string.h>
#include <sys/ioctl.h>
#include <stdio.h>

// newterm instead of initscr: initscr exits the process when TERM is unknown, newterm returns NULL.
// (stdout/stdin are global mutable C variables, which Swift 6 refuses to touch.)
static inline SCREEN *jw_newterm(const char *type) { return newterm(type, stdout, stdin); }

// After setlocale: is the locale's character set UTF-8 (LANG=C is not)?
static inline int jw_codeset_is_utf8(void) {
    const char *set = nl_langinfo(CODESET);
    return set != NULL && (strcmp(set, "UTF-8") == 0 || strcmp(set, "utf8") == 0);
}

// The tty's size from the kernel (ioctl is variadic: Swift cannot call it). 0 on success.
static inline int jw_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

static inline WINDOW *jw_curscr(void) { return curscr; }
static inline int jw_colors(void) { return COLORS; }
static inline int jw_color_pairs(void) { return COLOR_PAIRS; }
static inline int jw_ccharw_max(void) { return CCHARW_MAX; }
static inline int jw_curx(WINDOW *w) { return getcurx(w); }

#endif
