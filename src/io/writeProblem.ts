/** Why a write failed, in the user's words, by the error's code; undefined for errors that are not about the disk or the path. */
export function writeProblem(code: string | undefined): string | undefined {
  return code === undefined ? undefined : WHY[code];
}

const WHY: Record<string, string> = {
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file size limit exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a folder',
  // mkdir of a folder that is already a file: of the output folder itself, or of a file output's parent.
  EEXIST: 'a file of that name is in the way of a folder',
  EISDIR: 'it is a folder, not a file',
  ENAMETOOLONG: 'the name is too long',
};
