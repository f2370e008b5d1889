// Package archtest holds tests of the layering of the module: which package
// may import which, and that only internal/snapshot names the files of the
// snapshot folder. It has no code.
package archtest
