import { Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { SOURCE_NAME_PROBLEM_ID, type SourceQuestion as Question } from './useSourceChoice';
import { SUBJECT_TEXT } from '../domain/sources/choice';

const useStyles = makeStyles({
  question: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // The sources of a workbook are a handful: listed under the choice they belong to.
  nested: { paddingLeft: tokens.spacingHorizontalL, minWidth: 0 },
});

/**
 * 更新已有来源 or 作为新的事项来源添加, asked before a notice or a table read from a sheet is applied to a workbook that already has
 * tasks (DESIGN §13). The source named as the input is proposed, or the only one when nothing tells
 * them apart; otherwise the office picks one or names the new one.
 */
export function SourceQuestion({ question: q, disabled, problemId = SOURCE_NAME_PROBLEM_ID }: { question: Question; disabled: boolean; problemId?: string }) {
  const styles = useStyles();
  const only = q.sources.length === 1 ? q.sources[0] : undefined;
  return (
    <div className={styles.question}>
      <Field label={`${SUBJECT_TEXT[q.subject]}是（工作簿中已有 ${q.sources.length} 个事项来源）`}>
        <RadioGroup value={q.kind ?? ''} disabled={disabled} onChange={(_, d) => q.setKind(d.value === 'add' ? 'add' : 'update')}>
          <Radio value="update" label={only === undefined ? '更新已有来源' : `更新已有来源：${only}`} />
          <Radio value="add" label="作为新的事项来源添加" />
        </RadioGroup>
      </Field>
      {q.kind === 'update' && only === undefined && (
        <div className={styles.nested}>
          <Field label="要更新的事项来源">
            <RadioGroup value={q.target ?? ''} disabled={disabled} onChange={(_, d) => q.setTarget(d.value)}>
              {q.sources.map((s) => (
                <Radio key={s} value={s} label={s} />
              ))}
            </RadioGroup>
          </Field>
        </div>
      )}
      {q.kind === 'add' && (
        <div className={styles.nested}>
          <Field
            label="新事项来源的名称"
            required
            validationState={q.problem ? 'error' : 'none'}
            validationMessage={q.problem ? { id: problemId, children: q.problem } : null}
          >
            <Input value={q.name} disabled={disabled} onChange={(_, d) => q.setName(d.value)} placeholder="例如：市政府第12次常务会议纪要" />
          </Field>
        </div>
      )}
    </div>
  );
}
