// Where the app keeps its data, the same for the Electron app, browser mode and the CLI:
// %LOCALAPPDATA%\DanVan on Windows (not the roaming profile), ~/.local/share/dan-van elsewhere.
// DANVAN_DATA_DIR / DANVAN_DB (or --db) override it for tests and portable use.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

interface DataPaths {
  dataDir: string;
  dbFile: string;
  backupsDir: string;
}

function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.DANVAN_DATA_DIR) return resolve(env.DANVAN_DATA_DIR);
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'DanVan');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'dan-van');
}

/** Resolve paths; an explicit db file puts the backups folder beside it. */
export function resolveDataPaths(dbFile?: string | null, env: NodeJS.ProcessEnv = process.env): DataPaths {
  const explicit = dbFile ?? env.DANVAN_DB ?? null;
  if (explicit) {
    const file = resolve(explicit);
    return { dataDir: dirname(file), dbFile: file, backupsDir: join(dirname(file), 'backups') };
  }
  const dataDir = defaultDataDir(env);
  return { dataDir, dbFile: join(dataDir, 'dan-van.sqlite'), backupsDir: join(dataDir, 'backups') };
}

/** Vietnamese warnings for risky locations: cloud-synced or network folders corrupt SQLite databases. */
export function locationWarnings(dbFile: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const p = dbFile.replace(/\\/g, '/').toLowerCase();
  const synced = [env.OneDrive, env.OneDriveCommercial, env.OneDriveConsumer]
    .filter((x): x is string => !!x)
    .some((d) => p.startsWith(d.replace(/\\/g, '/').toLowerCase()));
  const warnings: string[] = [];
  if (p.startsWith('//') || p.startsWith('\\\\'))
    warnings.push(
      'Tệp dữ liệu đang nằm trên thư mục mạng. Dữ liệu có thể hỏng khi mạng chập chờn: hãy chuyển về ổ đĩa của máy (Cài đặt > Dữ liệu).',
    );
  else if (synced || /\/(onedrive|dropbox|google drive|googledrive)[^/]*\//.test(p))
    warnings.push(
      'Tệp dữ liệu đang nằm trong thư mục đồng bộ (OneDrive/Dropbox/Google Drive). Việc đồng bộ có thể làm hỏng dữ liệu: hãy chuyển về thư mục mặc định của máy.',
    );
  return warnings;
}
