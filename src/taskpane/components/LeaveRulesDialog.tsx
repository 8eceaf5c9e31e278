/** Asked before leaving the "Tiêu chí" tab with a draft that is not applied. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { messages, type Lang } from '../../engine';

export interface LeaveRulesDialogProps {
  lang: Lang;
  open: boolean;
  onStay: () => void;
  onKeep: () => void;
  onDiscard: () => void;
}

export function LeaveRulesDialog({ lang, open, onStay, onKeep, onDiscard }: LeaveRulesDialogProps) {
  const m = messages(lang).pane;
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && onStay()}>
      <DialogSurface data-testid="leave-rules">
        <DialogBody>
          <DialogTitle>{m.leaveTitle}</DialogTitle>
          <DialogContent>{m.leaveText}</DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={onStay} data-testid="leave-stay">
              {m.leaveStay}
            </Button>
            <Button onClick={onKeep} data-testid="leave-keep">
              {m.leaveKeep}
            </Button>
            <Button onClick={onDiscard} data-testid="leave-discard">
              {m.leaveDiscard}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
