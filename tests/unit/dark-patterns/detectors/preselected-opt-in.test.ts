// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { preselectedOptIn } from '../../../../lib/dark-patterns/detectors/preselected-opt-in';
import type { DarkPatternContext } from '../../../../lib/dark-patterns/support/context';
import { directTextFacts } from '../../../../lib/dark-patterns/text-facts';

const ctx = (facts: Partial<DarkPatternContext> = {}): DarkPatternContext => ({ win: window, lang: 'en', verdict: () => null, text: directTextFacts('en'), now: () => 0, ...facts });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('detects', () => {
  test.each<[string, string, string, string]>([
    ['label[for]', '<input id="x" type="checkbox" checked><label for="x">Send me offers by email</label>', 'preticked-purposes', 'label'],
    ['wrapping label', '<label><input type="checkbox" checked> Add travel insurance</label>', 'sneak-into-basket', 'label'],
    ['aria-labelledby switch', '<span id="l">Share my data with partners</span><div role="switch" aria-checked="true" aria-labelledby="l"></div>', 'preticked-purposes', 'div'],
    ['a custom box: input hidden, label shown', '<input id="x" type="checkbox" checked style="display:none"><label for="x">Donate €1 to charity</label>', 'sneak-into-basket', 'label'],
    ['nearby text', '<div><input type="checkbox" checked> <span>Recevoir les offres par e-mail</span></div>', 'preticked-purposes', 'input'],
  ])('%s', (_, html, type, tag) => {
    document.body.innerHTML = html;
    const findings = preselectedOptIn.detect(document, ctx());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type });
    expect(findings[0]!.element.localName).toBe(tag);
  });

  test('ticked by script before the person did anything', () => {
    document.body.innerHTML = '<label><input id="x" type="checkbox"> Send me offers</label>';
    (document.getElementById('x') as HTMLInputElement).checked = true;
    expect(preselectedOptIn.detect(document, ctx({ lastUserGestureAt: null }))).toHaveLength(1);
    // Once the person has clicked, a ticked box without the attribute may be their own tick.
    expect(preselectedOptIn.detect(document, ctx({ lastUserGestureAt: 5 }))).toEqual([]);
    expect(preselectedOptIn.detect(document, ctx())).toEqual([]);
  });

  test('a pass on the input alone reports the input when its label is outside', () => {
    document.body.innerHTML = '<label for="x">Send me offers</label><p><input id="x" type="checkbox" checked></p>';
    const input = document.getElementById('x')!;
    expect(preselectedOptIn.detect(input, ctx()).map((f) => f.element)).toEqual([input]);
  });
});

describe('ignores', () => {
  test.each<[string, string]>([
    ['unticked', '<label><input type="checkbox"> Send me offers</label>'],
    ['remember me', '<label><input type="checkbox" checked> Remember me</label>'],
    ['same as billing', '<label><input type="checkbox" checked> Same as billing address</label>'],
    ['terms ticked', '<label><input type="checkbox" checked> I agree to the Terms of Service</label>'],
    ['disabled', '<label><input type="checkbox" checked disabled> Send me offers</label>'],
    ['hidden with its label', '<div hidden><label><input type="checkbox" checked> Send me offers</label></div>'],
    ['a switch that is off', '<div role="switch" aria-checked="false" aria-label="Personalised ads"></div>'],
    ['inside a cookie dialog (the consent detector judges it)', '<div role="dialog"><p>We use cookies</p><label><input type="checkbox" checked> Personalised advertising from partners</label></div>'],
    ['a long form around an unlabelled box', `<div><input type="checkbox" checked>${'<p>Newsletter terms and long text.</p>'.repeat(20)}</div>`],
  ])('%s', (_, html) => {
    document.body.innerHTML = html;
    expect(preselectedOptIn.detect(document, ctx())).toEqual([]);
  });
});
