import Foundation
import TestSupport

enum Fixtures {
    /// The package root.
    static var root: String { Executables.packageRoot.path }
}
