namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>What became of a change to a card account's details (<see cref="ChangeBillingAddress"/>, <see cref="SetAccountNickname"/>).</summary>
public enum AccountDetailsOutcome
{
    Changed = 1,

    /// <summary>No open card account with that id is linked to that user; nothing changed.</summary>
    NotFound = 2,
}
