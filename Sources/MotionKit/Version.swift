public enum MotionKitVersion { public static let string = "0.1.0" }
