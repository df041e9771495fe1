/** Exit codes, Terraform's convention: 2 means "changes present" only under --detailed-exitcode. */
export const EXIT = {
  OK: 0,
  ERROR: 1,
  /** `plan --detailed-exitcode` found changes. */
  CHANGES: 2,
  /** Bad command-line usage (unknown flag, missing argument). */
  USAGE: 2,
} as const;
