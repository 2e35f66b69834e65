// Yams keeps libyaml's events internal and reports a duplicate key by its first occurrence only, after the
// mapping's later content, and not for `1` against `"1"`; so the events are read here from CYaml, the libyaml
// that Yams builds and links (not a product Yams declares).
internal import CYaml

/// Finds a key set twice in one mapping, in one pass over the events of the first YAML document.
///
/// Keys are compared by their text, so `1` and `"1"` are the same key, as a reader of the file takes them.
enum DuplicateKeys {
    /// An open mapping (which has `keyLines`) or sequence; `count` is of the nodes completed in it.
    private struct Frame {
        let path: String
        var keyLines: [String: Int]?, count = 0, key = "?"

        var childPath: String { keyLines == nil ? "\(path)[\(count)]" : path.isEmpty ? key : "\(path).\(key)" }
    }

    /// The key whose second occurrence comes first, with its dotted path (`grades[0].A`); `nil` when there
    /// is none before the first document ends or the YAML breaks off first (composing it then says why).
    static func first(in yaml: String) -> (path: String, firstLine: Int, line: Int)? {
        var parser = yaml_parser_t(), event = yaml_event_t(), frames: [Frame] = [], yaml = yaml
        guard !yaml.isEmpty, yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return yaml.withUTF8 { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let type = event.type, line = Int(event.start_mark.line) + 1, last = frames.count - 1
                switch type {
                case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    // In a mapping, keys and values alternate.
                    if last >= 0, frames[last].keyLines != nil, frames[last].count.isMultiple(of: 2) {
                        let scalar = event.data.scalar
                        let key = type == YAML_SCALAR_EVENT
                            ? String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self) : nil
                        frames[last].key = key ?? "?"
                        if let key, let firstLine = frames[last].keyLines?.updateValue(line, forKey: key) {
                            return (frames[last].childPath, firstLine, line)
                        }
                    }
                    if type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_START_EVENT {
                        frames.append(Frame(path: frames.last?.childPath ?? "", keyLines: type == YAML_MAPPING_START_EVENT ? [:] : nil))
                    } else if last >= 0 {
                        frames[last].count += 1
                    }
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    frames.removeLast()
                    if last > 0 { frames[last - 1].count += 1 }
                case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT, YAML_NO_EVENT:
                    return nil
                default:
                    continue
                }
            }
            return nil
        }
    }
}
