// Indicators feature: the editable catalog; codes unique, used indicators retired rather than deleted.
import { AppError } from '../contract/errors';
import type { IndicatorDraft } from '../contract/indicators';
import { addAudit } from '../db/audit';
import type { Db } from '../db/connection';
import * as ind from '../db/indicators';
import type { Handler } from '../handler/handler';
import { writeTx } from '../db/write-tx';

function mustGet(db: Db, id: number) {
  const i = ind.getIndicator(db, id);
  if (!i) throw new AppError('not_found', 'Không tìm thấy chỉ tiêu (có thể đã bị xoá). Hãy tải lại danh mục.');
  return i;
}

export function saveIndicator(db: Db, d: IndicatorDraft, now: Date) {
  if (d.id !== undefined) mustGet(db, d.id);
  const same = ind.findIndicatorByCode(db, d.code);
  if (same && same.id !== d.id)
    throw new AppError('conflict', `Mã "${d.code}" đã dùng cho chỉ tiêu "${same.label}". Hãy chọn mã khác.`, { code: 'Mã đã tồn tại' });
  const id = writeTx(db, () => {
    const id = ind.upsertIndicator(db, d, now.toISOString());
    addAudit(
      db,
      {
        action: d.id ? 'indicator.update' : 'indicator.create',
        entity: 'indicators',
        entityId: id,
        summary: `${d.id ? 'Sửa' : 'Thêm'} chỉ tiêu ${d.code} – ${d.label}`,
      },
      now,
    );
    return id;
  });
  return mustGet(db, id);
}

export const indicatorsHandlers = {
  'indicators.list': ({ includeRetired }, ctx) => ind.listIndicators(ctx.db, includeRetired),
  'indicators.save': (d, ctx) => {
    const saved = saveIndicator(ctx.db, d, ctx.now());
    ctx.emit('data.changed', { entity: 'indicators' });
    return saved;
  },
  'indicators.setRetired': ({ id, retired }, ctx) => {
    const i = mustGet(ctx.db, id);
    writeTx(ctx.db, () => {
      ind.setIndicatorRetired(ctx.db, id, retired, ctx.now().toISOString());
      addAudit(
        ctx.db,
        {
          action: retired ? 'indicator.retire' : 'indicator.restore',
          entity: 'indicators',
          entityId: id,
          summary: `${retired ? 'Ngừng dùng' : 'Dùng lại'} chỉ tiêu ${i.code}`,
        },
        ctx.now(),
      );
    });
    ctx.emit('data.changed', { entity: 'indicators' });
    return mustGet(ctx.db, id);
  },
} satisfies { [K in 'indicators.list' | 'indicators.save' | 'indicators.setRetired']: Handler<K> };
