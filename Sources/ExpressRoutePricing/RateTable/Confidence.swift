import ExpressRouteCore

extension PriceSource {
  /// How far a price can be trusted, as labelled in the research notes.
  public enum Confidence: String, DeclarationOrdered {
    /// The customer's own price, from their EA or MCA price sheet (`ercalc prices import SHEET.csv`): what Microsoft
    /// bills this customer, so the most trusted, and never discounted again.
    case customer = "CUSTOMER"
    /// Seen in an official Microsoft source.
    case confirmed = "CONFIRMED"
    /// Seen only in third-party material (cached API output, partner FAQs).
    case secondary = "SECONDARY"
    /// Sources conflict or the figure is an inference.
    case uncertain = "UNCERTAIN"
    /// A user's own estimate or negotiated figure.
    case estimate = "ESTIMATE"
    /// A charge the user supplied (a provider's or colocation's bill), priced as given.
    case user = "USER"

    public static let kindDescription = "confidence label"
    // Ordered by declaration (DeclarationOrdered): CUSTOMER < CONFIRMED < SECONDARY < UNCERTAIN < ESTIMATE < USER, most to least trusted.
  }
}

// Short names inside the package.
package typealias Confidence = PriceSource.Confidence
