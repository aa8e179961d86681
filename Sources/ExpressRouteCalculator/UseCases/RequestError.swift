import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing
import Foundation

extension UseCases {
  /// Why a request was refused before anything was priced, other than bad input data (a ``Diagnostic``).
  ///
  /// Each case carries what a front end needs to say it in its own words (a command line names its options, and treats
  /// a missing series and the refresh guard's objections as failures, refused sites as bad data, the rest as usage
  /// errors).
  public enum RequestError: Error, Hashable, Sendable {
    /// Charges tied to calendar months were given where one undated month is priced: the charges, and what was priced.
    case datedCharges([Deployment.UserCharge], in: Pricing)
    /// The series hold several circuits and none was named: the circuits.
    case seriesNotChosen(available: [String])
    /// A series file is not there: the name shown, the path looked in, and the portfolio site whose profile lists it.
    case missingSeries(shown: String, path: String, site: String?)
    /// No site of the portfolio has the grouping tag: the tag, and the tags the sites have (sorted).
    case unknownTag(String, known: [String])
    /// Two files to compare are not both deployments or both portfolios.
    case mixedDiffInputs(before: String, after: String)
    /// Portfolio sites that could not be budgeted where every site must be (a diff of two portfolios): exit 65 on the
    /// command line, as bad input data.
    case sitesRefused([Budget.Refusal])
    /// A refreshed rate table the refresh guard objects to: the import's log, ending with the objections.
    case refreshRefused(log: [String])
    /// A download stopped early because prices already move too much: the pages read and the moves.
    case refreshStopped(afterPage: Int, moved: [String])
    /// An Azure region nobody knows: the name given, and the nearest known name.
    case unknownRegion(String, nearest: String?)

    /// What was priced when dated charges were refused, which says how else to price them.
    public enum Pricing: Hashable, Sendable {
      /// One configuration: name the month.
      case oneConfiguration
      /// Two deployment files compared: price each side for a month, or budget both.
      case twoDeployments
      /// Two estates (or a plan's two sides) compared: price each side for a month.
      case twoEstates
    }
  }
}

extension UseCases.RequestError {
  /// What a series file that is not there says, wherever it is refused: `cannot read series 'x.csv': no such file
  /// (looked in '/data/x.csv')`, the path only when it differs from the name shown.
  public static func missingSeriesMessage(shown: String, path: String) -> String {
    "cannot read series '\(shown)': no such file" + (path != shown ? " (looked in '\(path)')" : "")
  }
}

/// `UseCases.RequestError`, by its short name inside the package.
package typealias RequestError = UseCases.RequestError
