/// A colour with opacity, 8 bits a channel.
struct RGBA: Hashable {
    var red: UInt8
    var green: UInt8
    var blue: UInt8
    var alpha: UInt8

    static let clear = RGBA(red: 0, green: 0, blue: 0, alpha: 0)
    static let black = RGBA(red: 0, green: 0, blue: 0, alpha: 255)
    static let white = RGBA(red: 255, green: 255, blue: 255, alpha: 255)
}
