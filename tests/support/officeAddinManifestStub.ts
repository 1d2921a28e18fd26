// office-addin-manifest pulls an ESM-only dependency Jest cannot load on Node 20; the mock only needs this enum.
export enum OfficeApp {
  Excel = 'excel',
  OneNote = 'onenote',
  Outlook = 'outlook',
  PowerPoint = 'powerpoint',
  Project = 'project',
  Word = 'word',
}
