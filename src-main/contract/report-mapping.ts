// The mapping screen's contract: one file of an import analysed again with the user's decisions so far (the unit
// picked by hand, the value column picked by header), so the screen shows the values that would be stored.
import { z } from 'zod';
import { FileIn, Id } from './common';
import { PreviewFile } from './reports';

export const reportMappingChannels = {
  'reports.previewFile': {
    input: z.object({
      planId: Id,
      file: FileIn,
      /** Position of the file in the user's list (echoed back as `index`). */
      index: z.number().int().min(0).max(100_000).default(0),
      unitId: Id.nullable().default(null),
      /** Header of the value column picked by hand ("Kết quả thực hiện / Quý II"). */
      valueColumn: z.string().max(500).nullable().default(null),
    }),
    output: PreviewFile,
  },
};
