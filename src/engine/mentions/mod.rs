//! Stage 4: mentions of actors, places, times and counts in a sentence's tokens.

pub mod actors;
pub mod counts;
pub mod times;
