// Package cputime reads the CPU time (user and system) the process has
// used: what the watcher's fetch phase sizes its processors by, and the
// figure benchmarks report beside wall time, which a machine shared with
// other jobs moves more.
package cputime
