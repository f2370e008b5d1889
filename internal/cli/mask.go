package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// maskOut is the stdout of a read command (status, postings, show): the
// output is collected and, once the command ends, masked as one piece with
// the config's secrets, whole or cut short (a table cell or a long value
// cut by the printer), as run's stdout is. Until the config is loaded
// (red nil) nothing is masked: there is nothing to mask with.
type maskOut struct {
	w   io.Writer
	red *redact.Redactor
	buf []byte
}

func (m *maskOut) Write(p []byte) (int, error) {
	m.buf = append(m.buf, p...)
	return len(p), nil
}

func (m *maskOut) flush() error {
	b := m.buf
	m.buf = nil
	if m.red != nil {
		b = m.red.Output(b)
	}
	_, err := m.w.Write(b)
	return err
}

// maskedRun runs a read command with its stdout through maskOut.
func maskedRun(run func(*cobra.Command, []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		out := &maskOut{w: cmd.OutOrStdout()}
		stderr := cmd.ErrOrStderr()
		cmd.SetOut(out)
		defer func() { cmd.SetOut(out.w); cmd.SetErr(stderr) }()
		err := run(cmd, args)
		if ferr := out.flush(); ferr != nil && err == nil {
			return fail(cmd, ExitFailed, "%v", ferr)
		}
		return err
	}
}

// maskWith gives a read command's output cfg's secrets to mask: stdout
// (when maskedRun collects it) as one piece, stderr line by line.
func maskWith(cmd *cobra.Command, cfg *config.Config) {
	red := cfg.Redactor()
	if m, ok := cmd.OutOrStdout().(*maskOut); ok {
		m.red = red
	}
	cmd.SetErr(red.Writer(cmd.ErrOrStderr()))
}
