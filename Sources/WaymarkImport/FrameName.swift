/// How people count frames on a page: "first frame", "second frame" … "tenth frame", then "frame 11" — a name the
/// phraser turns into "in the second frame". Chrome Recorder `frame` paths and Selenium `selectFrame index=N` both
/// use it.
enum FrameName {
    static func ordinal(index: Int) -> String {
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        return index >= 0 && index < ordinals.count ? "\(ordinals[index]) frame" : "frame \(index + 1)"
    }
}
