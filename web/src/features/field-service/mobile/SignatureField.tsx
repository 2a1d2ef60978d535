import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import SignaturePad from 'signature_pad';
import { useText } from './text-context.ts';

export type SignatureHandle = { png(): Promise<Blob | null> };

/** The customer's signature on the screen (signature_pad), read as PNG, or null when blank. */
export function SignatureField({ ref }: { ref: Ref<SignatureHandle> }) {
  const { t } = useText();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);

  useEffect(() => {
    const element = canvas.current!;
    // The canvas's pixels follow its CSS size and the screen's density, so strokes land under the finger.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    element.width = element.offsetWidth * ratio;
    element.height = element.offsetHeight * ratio;
    element.getContext('2d')!.scale(ratio, ratio);
    pad.current = new SignaturePad(element, { backgroundColor: 'rgb(255, 255, 255)' });
    return () => pad.current?.off();
  }, []);

  useImperativeHandle(ref, () => ({
    png: () => new Promise<Blob | null>((resolve) => {
      if (!pad.current || pad.current.isEmpty()) return resolve(null);
      canvas.current!.toBlob((blob) => resolve(blob), 'image/png');
    }),
  }));

  return (
    <fieldset className="m-fieldset">
      <legend>{t('signature')}</legend>
      <canvas ref={canvas} className="m-signature" data-testid="m-signature" aria-label={t('signHere')} />
      <button type="button" className="m-link" onClick={() => pad.current?.clear()}>{t('clearSignature')}</button>
    </fieldset>
  );
}
