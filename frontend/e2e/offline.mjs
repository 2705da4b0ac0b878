// Filled in by issue 16's work (see the file's owner in the commit history).
export const scenarios = [];
