using MediatR;

namespace BillCenter.Modules.Preferences.Contracts;

/// <summary>
/// One of the security questions the user set, chosen at random, to ask as an extra check (never instead of a
/// one-time code); null when the user has set none.
/// </summary>
public sealed record PickSecurityQuestion(string UserId) : IRequest<SecurityQuestionPrompt?>;

/// <param name="Key">The question's stable key, to send back with the answer.</param>
/// <param name="Text">The question, as the cardholder chose it.</param>
public sealed record SecurityQuestionPrompt(string Key, string Text);
