// The columns a row of a vendor list shows (the vendor list page and the REST
// API's vendor list): one place, so a column added to the list reaches both.
export const VENDOR_LIST_SELECT = {
  id: true,
  name: true,
  legalName: true,
  tier: true,
  country: true,
  status: true,
  updatedAt: true,
  blockerCount: true,
  highCount: true,
  mediumCount: true,
  lowCount: true,
  soc2State: true,
  soc2StaleFrom: true,
  owner: { select: { name: true } },
} as const;
