// Region services used in-process by the CLI (chanbang regions …): the same functions as the HTTP routes.
export { applyRegionList, type RegionListRow } from './regions.list.service.ts';
export { readRegionListFile } from './regions.file.ts';
export { loadRegionDataset } from './regions.dataset.ts';
export { getRegionTree } from './regions.service.ts';
