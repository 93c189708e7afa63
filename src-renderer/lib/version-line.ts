// How a report version reads in the versions table: "Bản 2, thay bản 1 nhận ngày 30/12/2023".
import { formatViDate } from '../../src-main/text/vi-date';

interface V {
  version: number;
  receivedOn: string;
}

export function versionLine(v: V, all: readonly V[]): string {
  const prev = all.filter((o) => o.version < v.version).sort((a, b) => b.version - a.version)[0];
  return prev ? `Bản ${v.version}, thay bản ${prev.version} nhận ngày ${formatViDate(prev.receivedOn)}` : `Bản ${v.version}`;
}
