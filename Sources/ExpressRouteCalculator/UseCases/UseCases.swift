import ExpressRouteCore

/// The use cases the command line runs, one typed request per command (`UseCases.SizingRequest`,
/// `UseCases.BudgetRequest`, …): each reads its inputs, decides every policy (series choice, plan calendar, defaults)
/// and returns the report to render with the figure a gate checks.
public enum UseCases {}
