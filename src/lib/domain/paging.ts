/** Rows per page in candidate lists, shared by the server query and the pager. */
export const candidatesPerPage = 50;
