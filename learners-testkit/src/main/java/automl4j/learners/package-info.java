/**
 * Tests of step 4, learning: the contract every {@code automl4j.learn.Learner} implementation's test implements.
 */
package automl4j.learners;
