/// A problem with what the user gave — a flag, the config, a job ID, a file, a proxy, a
/// certificate — as opposed to the cloud's answer: the command prints its one line (which says
/// what to fix) and exits 64. Each layer's own error types conform, so no layer turns another's
/// typed error into a string to be classified.
public protocol UsageProblem: Error, CustomStringConvertible {}
