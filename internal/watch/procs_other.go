//go:build !unix

package watch

import "time"

// processCPU is not read here: the fetch phase keeps GOMAXPROCS as it is.
func processCPU() (time.Duration, bool) { return 0, false }
