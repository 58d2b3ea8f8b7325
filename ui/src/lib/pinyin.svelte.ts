// Keeps a register form's pinyin following the original name as it is typed, until the
// officer writes their own.
import { transliterate } from "./api/contacts";
import type { RegisterKind } from "./bindings/RegisterKind";
import { whileCurrent } from "./current";

export interface PinyinSource {
  /** False once the officer wrote their own pinyin, or while the form is closed. */
  following: boolean;
  original: string;
  /** The Latin name decides between the readings of a character. */
  latin: string;
  kind: RegisterKind;
}

/** Call during component setup; `apply` receives the pinyin for what `source` reads. */
export function followPinyin(source: () => PinyinSource, apply: (pinyin: string) => void) {
  $effect(() => {
    const { following, original, latin, kind } = source();
    if (!following) return;
    let stopAnswer = () => {};
    const timer = setTimeout(() => {
      stopAnswer = whileCurrent(transliterate(original, latin, kind), apply, () => {});
    }, 100);
    return () => {
      clearTimeout(timer);
      stopAnswer();
    };
  });
}
