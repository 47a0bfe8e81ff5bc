/** The model of exercises, quizzes, reflections and Rosetta drills, and the check vocabulary (arrives with the exercises issue). */
package novalab.exercises;
