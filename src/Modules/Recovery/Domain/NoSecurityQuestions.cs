namespace BillCenter.Modules.Recovery.Domain;

/// <summary>
/// Until cardholders can set security questions (the Preferences module), no online account has any: the journey goes
/// from the code straight to the user ID or the new password. Preferences replaces this with a call to its contract.
/// </summary>
internal sealed class NoSecurityQuestions : ISecurityQuestions
{
    public Task<bool> HasQuestionsAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(false);
}
