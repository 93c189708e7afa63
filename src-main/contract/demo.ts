// The demo database channels ("Dùng thử với dữ liệu mẫu"): whether the sample data file is in use, whether the
// real one is still empty (the first-start choice), and switching to the sample data and back.
import { z } from 'zod';

export const DemoStatus = z.object({
  /** The sample data file is open: the renderer shows "Đang dùng dữ liệu mẫu". */
  active: z.boolean(),
  /** The real data has no unit and no plan yet (first start): offer the sample data. */
  realEmpty: z.boolean(),
});
export type DemoStatus = z.infer<typeof DemoStatus>;

export const demoChannels = {
  'demo.status': { input: z.object({}), output: DemoStatus },
  /** Opens the sample data file beside the real one (generated on first use); the real file is not touched. */
  'demo.enter': { input: z.object({}), output: DemoStatus },
  /** Back to the real data file. */
  'demo.leave': { input: z.object({}), output: DemoStatus },
};
