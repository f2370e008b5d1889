//go:build !unix

package cputime

import "time"

// Used is not read on this system: 0, false.
func Used() (time.Duration, bool) { return 0, false }
