/** The file name without folders and extension: the plan's name when the file has none. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, '') || base || 'plan';
}
