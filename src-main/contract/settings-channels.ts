// Settings channels: read and save the organisation profile.
import { z } from 'zod';
import { OrgProfile } from './settings';

export const settingsChannels = {
  'settings.get': { input: z.object({}), output: OrgProfile },
  'settings.save': { input: OrgProfile, output: OrgProfile },
};
