namespace BeMore.Grains.Abstractions.Errors;

/// <summary>
/// A refusal that crosses from grains to the web tier intact. <see cref="Code"/> is the stable UPPER_SNAKE code
/// clients see; the message is safe to show (it never carries user content).
/// </summary>
[GenerateSerializer, Alias("bemore.DomainException")]
public abstract class DomainException : Exception
{
    protected DomainException(string message) : base(message)
    {
    }

    public abstract string Code { get; }
}

/// <summary>The session does not exist, or the caller does not own it (indistinguishable on purpose).</summary>
[GenerateSerializer, Alias("bemore.SessionNotFoundException")]
public sealed class SessionNotFoundException : DomainException
{
    public SessionNotFoundException() : base("The session does not exist.")
    {
    }

    public override string Code => ErrorCodes.SessionNotFound;
}

/// <summary>The requested transition or input is impossible in the session's current state.</summary>
[GenerateSerializer, Alias("bemore.InvalidSessionStateException")]
public sealed class InvalidSessionStateException : DomainException
{
    public InvalidSessionStateException(string message) : base(message)
    {
    }

    public override string Code => ErrorCodes.InvalidSessionState;
}

/// <summary>The caller owns the session, but what it asks for is outside what the session permits (its consent).</summary>
[GenerateSerializer, Alias("bemore.ForbiddenException")]
public sealed class ForbiddenException : DomainException
{
    public ForbiddenException(string message) : base(message)
    {
    }

    public override string Code => ErrorCodes.Forbidden;
}

/// <summary>The account does not exist (never created, or erased).</summary>
[GenerateSerializer, Alias("bemore.UserNotFoundException")]
public sealed class UserNotFoundException : DomainException
{
    public UserNotFoundException() : base("The account does not exist.")
    {
    }

    public override string Code => ErrorCodes.NotFound;
}

/// <summary>The email is already registered.</summary>
[GenerateSerializer, Alias("bemore.UserExistsException")]
public sealed class UserExistsException : DomainException
{
    public UserExistsException() : base("An account with this email already exists.")
    {
    }

    public override string Code => ErrorCodes.UserExists;
}
