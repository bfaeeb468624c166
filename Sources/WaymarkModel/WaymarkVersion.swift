/// The generator version written into guides and the lock; bump it when output changes for the same input.
public enum WaymarkVersion {
    public static let current = "0.2.0"
}
