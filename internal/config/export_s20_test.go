package config

// ParseInParts is Parse reading the sources list in parts whatever the
// file's size; inParts tells whether it did (or read the file whole).
func ParseInParts(data []byte, filename string, getenv func(string) (string, bool), plugins Plugins) (*Config, bool, error) {
	return parse(data, filename, getenv, plugins, 0)
}
