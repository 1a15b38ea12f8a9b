/** What a command may touch besides the library: output streams and the terminal. */
export interface CliContext {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress bars). */
  isTTY: boolean;
}
