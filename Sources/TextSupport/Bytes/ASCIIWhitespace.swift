extension UInt8 {
    /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII characters
    /// `Character.isWhitespace` accepts, for text read as bytes.
    public var isASCIIWhitespace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}
