import { useRef, useState } from 'react';
import type { MobileServiceType } from './mobile-api.ts';
import type { ReportDraft, UploadOperation } from './outbox.ts';
import { preparePhoto } from './photo.ts';
import { ReportFields } from './ReportFields.tsx';
import { SignatureField, type SignatureHandle } from './SignatureField.tsx';
import { formatWhen, useText } from './text-context.ts';
import type { FieldEngineer, OrderView } from './use-field-engineer.ts';

type Part = { name: string; model: string; quantity: string };

/**
 * The service report: fault, cause, action, the service type's report fields, parts used, labour,
 * photos (queued as soon as taken), the customer's signature and rating. Submitting queues the
 * signature upload and the `report` step; everything syncs in order when online.
 */
export function ReportForm({ order, app, serviceType, fix }: { order: OrderView; app: FieldEngineer; serviceType: MobileServiceType | undefined; fix: { lat: number; lng: number } | null }) {
  const { t, locale } = useText();
  const [fault, setFault] = useState('');
  const [cause, setCause] = useState('');
  const [action, setAction] = useState('');
  const [fields, setFields] = useState<Record<string, unknown>>({});
  const [parts, setParts] = useState<Part[]>([]);
  const [labour, setLabour] = useState('');
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [processing, setProcessing] = useState(false);
  const [rating, setRating] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const signature = useRef<SignatureHandle>(null);

  async function addPhotos(files: FileList | null) {
    if (!files?.length) return;
    setProcessing(true);
    try {
      const now = new Date();
      const place = fix ? `${fix.lat.toFixed(5)}, ${fix.lng.toFixed(5)} (GCJ-02)` : (order.site?.street ?? '');
      const made: Array<{ operation: UploadOperation; blob: Blob }> = [];
      for (const file of Array.from(files)) {
        const blob = await preparePhoto(file, [`${order.number}  ${formatWhen(locale, now)}`, place]);
        const clientId = crypto.randomUUID();
        made.push({ operation: { kind: 'upload', opId: clientId, workOrderId: order.id, uploadKind: 'photo', filename: `${order.number}-${made.length + photoIds.length + 1}.jpg`, at: now.toISOString() }, blob });
      }
      // Queued at once: a photo is not lost if the app closes before the report is done.
      await app.enqueue(made.map((m) => m.operation), made.map((m) => ({ clientId: m.operation.opId, blob: m.blob })));
      setPhotoIds((ids) => [...ids, ...made.map((m) => m.operation.opId)]);
    } finally {
      setProcessing(false);
    }
  }

  async function submit() {
    if (!fault.trim() || !action.trim()) return setError(t('reportMissing'));
    setError(null);
    const at = new Date().toISOString();
    const png = await signature.current?.png();
    const signatureOp: UploadOperation | null = png ? { kind: 'upload', opId: crypto.randomUUID(), workOrderId: order.id, uploadKind: 'signature', filename: `${order.number}-signature.png`, at } : null;
    const report: ReportDraft = {
      fault: fault.trim(), cause: cause.trim(), action: action.trim(), fields,
      parts: parts.filter((p) => p.name.trim()).map((p) => ({ name: p.name.trim(), model: p.model.trim() || null, quantity: Number(p.quantity) || 1 })),
      labourMinutes: labour === '' ? null : Math.max(0, Math.round(Number(labour))),
      photoClientIds: photoIds, signatureClientId: signatureOp?.opId ?? null, rating,
    };
    await app.enqueue(
      [...(signatureOp ? [signatureOp] : []), { kind: 'step', opId: crypto.randomUUID(), workOrderId: order.id, type: 'report', at, report }],
      signatureOp && png ? [{ clientId: signatureOp.opId, blob: png }] : [],
    );
  }

  const setPart = (i: number, change: Partial<Part>) => setParts((list) => list.map((p, j) => (j === i ? { ...p, ...change } : p)));
  return (
    <form className="m-report" data-testid="m-report" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2>{t('report')}</h2>
      <label className="m-field">{t('fault')}<textarea data-testid="m-fault" value={fault} onChange={(e) => setFault(e.target.value)} /></label>
      <label className="m-field">{t('cause')}<textarea data-testid="m-cause" value={cause} onChange={(e) => setCause(e.target.value)} /></label>
      <label className="m-field">{t('action')}<textarea data-testid="m-action" value={action} onChange={(e) => setAction(e.target.value)} /></label>
      <ReportFields fields={serviceType?.forms?.reportFields ?? []} values={fields} change={(key, value) => setFields((v) => ({ ...v, [key]: value }))} />
      <fieldset className="m-fieldset">
        <legend>{t('parts')}</legend>
        {!parts.length && <p className="m-muted">{t('noParts')}</p>}
        {parts.map((part, i) => (
          <div key={i} className="m-part" data-testid="m-part">
            <input aria-label={t('partName')} placeholder={t('partName')} value={part.name} onChange={(e) => setPart(i, { name: e.target.value })} />
            <input aria-label={t('partModel')} placeholder={t('partModel')} value={part.model} onChange={(e) => setPart(i, { model: e.target.value })} />
            <input aria-label={t('partQuantity')} placeholder={t('partQuantity')} type="number" inputMode="decimal" min="0" value={part.quantity} onChange={(e) => setPart(i, { quantity: e.target.value })} />
            <button type="button" className="m-link" onClick={() => setParts((list) => list.filter((_, j) => j !== i))}>{t('removePart')}</button>
          </div>
        ))}
        <button type="button" className="m-step m-secondary" data-testid="m-add-part" onClick={() => setParts((list) => [...list, { name: '', model: '', quantity: '1' }])}>{t('addPart')}</button>
      </fieldset>
      <label className="m-field">{t('labourMinutes')}<input data-testid="m-labour" type="number" inputMode="numeric" min="0" value={labour} onChange={(e) => setLabour(e.target.value)} /></label>
      <fieldset className="m-fieldset">
        <legend>{t('photos')}</legend>
        <label className="m-step m-secondary m-photo-button">
          {t('takePhoto')}
          <input data-testid="m-photo-input" type="file" accept="image/*" capture="environment" multiple hidden onChange={(e) => { void addPhotos(e.target.files); e.target.value = ''; }} />
        </label>
        <p className="m-muted" data-testid="m-photo-count">{processing ? t('processingPhoto') : t('photoCount', { n: photoIds.length })}</p>
      </fieldset>
      <SignatureField ref={signature} />
      <fieldset className="m-fieldset">
        <legend>{t('rating')}</legend>
        <div className="m-rating" role="radiogroup">
          {[1, 2, 3, 4, 5].map((n) => (
            <button key={n} type="button" role="radio" aria-checked={rating === n} aria-label={t('ratingValue', { n })} data-testid={`m-rating-${n}`} className={rating !== null && n <= rating ? 'm-star m-on' : 'm-star'} onClick={() => setRating(n)}>★</button>
          ))}
        </div>
      </fieldset>
      {error && <p className="m-warn" role="alert">{error}</p>}
      <button type="submit" className="m-step" data-testid="m-submit-report" disabled={processing}>{t('step_report')}</button>
    </form>
  );
}
