package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagKinds words what a flag of a pflag value type takes.
var flagKinds = map[string]string{
	"float64":  "a number",
	"float32":  "a number",
	"int":      "a whole number",
	"int64":    "a whole number",
	"uint":     "a whole number, 0 or more",
	"duration": "a duration such as 90s, 10m or 1h30m",
	"bool":     "true or false",
}

// flagError is the root's flag error func: a flag given a value it cannot
// take is said as `--min-pay: "abc" is not a number`, without the Go
// parse error (strconv.ParseFloat: parsing "abc": invalid syntax) that
// pflag words it with. Main prints it after the command's name.
func flagError(_ *cobra.Command, err error) error {
	var iv *pflag.InvalidValueError
	if !errors.As(err, &iv) || iv.GetFlag() == nil {
		return err
	}
	f := iv.GetFlag()
	kind, ok := flagKinds[f.Value.Type()]
	if !ok {
		// a value type of ours: its Set error says what is wrong
		return fmt.Errorf("--%s %q: %v", f.Name, iv.GetValue(), errors.Unwrap(iv))
	}
	return fmt.Errorf("--%s: %q is not %s", f.Name, iv.GetValue(), kind)
}

// usageHint writes the line that ends every usage mistake.
func usageHint(w io.Writer, path string) {
	fmt.Fprintf(w, "Run '%s --help' for usage.\n", path)
}

// usageFail ends the command on a mistake in a flag's value that the
// command finds itself (a value pflag took but the command cannot use,
// such as --wait -1s or --source nope) as Main ends one that pflag finds:
// "watcher CMD: --flag ...: what is wrong", then the usage hint, on w
// (stderr, redacted once the config is loaded), exit 2.
func usageFail(cmd *cobra.Command, w io.Writer, format string, args ...any) error {
	usageLine(w, cmd.CommandPath(), fmt.Sprintf(format, args...))
	return &exitError{ExitUsage}
}

// usageLine writes a usage mistake of the command at path and the hint.
func usageLine(w io.Writer, path, msg string) {
	fmt.Fprintf(w, "%s: %s\n", path, msg)
	usageHint(w, path)
}
