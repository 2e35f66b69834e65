/// The folder name of a phase under `reports/` and `reports/.history/`.
public enum PhaseSlug {
    /// `phase-` followed by the phase id, every character outside `[A-Za-z0-9.]` replaced by `-`:
    /// `13` → `phase-13`, `14.6` → `phase-14.6`, `2 b` → `phase-2-b`.
    ///
    /// It depends on the id alone, never on the phase's name, so renaming a phase in the master
    /// list keeps its reports and its history in the same folder. The `phase-` prefix keeps an id
    /// such as `..` from naming a parent folder.
    public static func folder(for phaseID: String) -> String {
        let safe = phaseID.map { character -> String in
            character.isASCII && (character.isLetter || character.isNumber || character == ".") ? String(character) : "-"
        }
        return "phase-" + safe.joined()
    }

    /// The file name (without extension) of a task's report: the id, with a feature-qualified
    /// id's `/` (`015/T001`) and anything else outside `[A-Za-z0-9._-]` written `-`.
    public static func taskFile(for taskID: String) -> String {
        taskID.map { character -> String in
            character.isASCII && (character.isLetter || character.isNumber || ".-_".contains(character))
                ? String(character) : "-"
        }.joined()
    }
}
