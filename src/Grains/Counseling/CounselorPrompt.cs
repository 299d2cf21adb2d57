using System.Text;
using BeMore.Grains.Abstractions.Counseling;
using Microsoft.Extensions.AI;

namespace BeMore.Grains.Counseling;

/// <summary>One earlier exchange of the conversation, kept in memory for the LLM's context.</summary>
public sealed record ConversationExchange(string User, string Counselor);

/// <summary>
/// What the LLM is asked for a reply. The user's words (this turn's and the earlier exchanges') are only in it when the
/// session keeps its transcript: <see cref="CounselorTurn.Text"/> is null otherwise, and then the model sees only the
/// emotion and thinking pattern the analysis found.
/// </summary>
public static class CounselorPrompt
{
    /// <param name="checkIn">The reply comes back to safety after an earlier alert (once per alert, as the local reply does).</param>
    public static IList<ChatMessage> Build(CounselorTurn turn, bool checkIn, IReadOnlyList<ConversationExchange> history)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(history);
        var language = turn.Language == "ko" ? "Korean" : "English";
        // Sized for the longest instructions, so it is built in one buffer.
        var system = new StringBuilder(1024)
            .Append("You are a warm counselor in a cognitive behavioural therapy session. Reply in ").Append(language)
            .Append(" with 1 to 3 short sentences: reflect what the person said and how they seem to feel, then ask one gentle, ")
            .Append("open Socratic question that helps them examine their thought. Do not diagnose, do not give medical advice, ")
            .Append("never mention ways or means of self-harm, and answer with the reply only.");
        if (checkIn)
        {
            system.Append(" Earlier in this session the person said something suggesting they might harm themselves. ")
                .Append("Gently and directly ask how they are now and whether they are safe (if they asked you something, answer it ")
                .Append("in one sentence first, then ask); ")
                .Append("do not challenge their thoughts in this reply.");
        }

        if (turn.DeniesRisk)
        {
            system.Append(" The person has just said they are not thinking of harming themselves: acknowledge that simply and warmly, without alarm.");
        }

        if (turn.Moves.HasFlag(TurnMoves.Closing))
        {
            system.Append(" The person is ending the conversation: say a warm goodbye, recall a step they planned if there was one, and ask no question.");
        }
        else if (turn.Moves.HasFlag(TurnMoves.Insight))
        {
            system.Append(" The person has just noticed something about their own thinking: recognise it before anything else.");
        }
        else if (turn.Moves.HasFlag(TurnMoves.Plan))
        {
            system.Append(" The person has just said what they mean to try: support it and help make it concrete (when, what might get in the way).");
        }
        else if (turn.Moves.HasFlag(TurnMoves.DailyLife))
        {
            system.Append(" The person describes daily life slipping (sleep, meals, activity): reflect it and explore one small step back into it.");
        }

        if (turn.Moves.HasFlag(TurnMoves.AsksMedical))
        {
            system.Append(" The person asks a medical question (medication, a diagnosis): do not advise; say it is one for their doctor or a mental health professional, and offer to help them prepare what to ask.");
        }
        else if ((turn.Moves & (TurnMoves.AsksAboutCounselor | TurnMoves.AsksIfNormal | TurnMoves.AsksWhatToDo | TurnMoves.AsksHow)) != 0)
        {
            system.Append(" The person asks you a direct question: answer it plainly first (you are an AI counselor, not a person; a decision stays theirs), then ask one question.");
        }
        else if (turn.Moves.HasFlag(TurnMoves.DoubtsTheMethod))
        {
            system.Append(" The person doubts the method or the homework: take the doubt seriously, say briefly why it can help, and ask what feels least useful.");
        }

        if (turn.Emotion is { } emotion)
        {
            system.Append(" Emotion heard: ").Append(emotion).Append('.');
        }

        if (turn.Distortion is { } distortion)
        {
            system.Append(" Thinking pattern heard: ").Append(distortion.Replace('_', ' ')).Append('.');
        }

        if (turn.LastIntervention is { } question)
        {
            system.Append(" A question already offered: \"").Append(question).Append("\".");
        }

        var messages = new List<ChatMessage> { new(ChatRole.System, system.ToString()) };
        if (turn.Text is { } text)
        {
            foreach (var exchange in history)
            {
                messages.Add(new ChatMessage(ChatRole.User, exchange.User));
                messages.Add(new ChatMessage(ChatRole.Assistant, exchange.Counselor));
            }

            messages.Add(new ChatMessage(ChatRole.User, text));
        }
        else
        {
            messages.Add(new ChatMessage(ChatRole.User, "(The person's words are private in this session; reply to the emotion and thinking pattern heard.)"));
        }

        return messages;
    }
}
