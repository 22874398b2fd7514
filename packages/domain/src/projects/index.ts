// Pure rules of the projects area (issue 7), no I/O.
export {};
