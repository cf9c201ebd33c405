// R-CL-4 Place of service 12 (home) on every line; no service-facility location goes with it.
export const PLACE_OF_SERVICE_HOME = '12';
