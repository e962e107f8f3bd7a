/** Rows per page in candidate lists, shared by the server query and the pager. */
export const candidatesPerPage = 50;

/** Interviewers per page on the calibration page (a large company has thousands). */
export const interviewersPerPage = 50;
