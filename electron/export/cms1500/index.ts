export { Cms1500Error } from './errors.ts';
export { claimPages, LINES_PER_PAGE, type FormDataset, type PageTotals, type PageValues } from './fields.ts';
export { LAYOUT, field, type Layout, type LayoutField, type Rect } from './layout.ts';
export { layoutClaim, renderCms1500, renderTestPage, testPageValues, FONT_SIZE, type FormMode, type Offset, type RenderCms1500Input } from './render.ts';
export { PREVIEW_MARK, previewContent, type PreviewMark } from './preview.ts';
